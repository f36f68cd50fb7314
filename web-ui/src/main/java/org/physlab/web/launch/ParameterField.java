package org.physlab.web.launch;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.shared.HasSuffix;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import org.physlab.api.Parameter;

/**
 * The input of one parameter in the launch form ({@code id="param-<name>"}): the widget
 * {@link LaunchForm#widgetFor} picks, labelled with the parameter's name, its unit as a suffix, its
 * range and help as helper text, and its field-level error.
 */
final class ParameterField {
    private final Parameter parameter;
    private final AbstractField<?, ?> field;

    ParameterField(Parameter parameter) {
        this.parameter = parameter;
        this.field = switch (LaunchForm.widgetFor(parameter)) {
            case INTEGER -> {
                IntegerField f = new IntegerField();
                f.setStepButtonsVisible(false);
                yield f;
            }
            case NUMBER -> new NumberField();
            case CHECKBOX -> new Checkbox();
            case CHOICE -> {
                Select<String> s = new Select<>();
                s.setItems(parameter.choices());
                yield s;
            }
            case TEXT, LIST -> new TextField();
        };
        field.setId("param-" + parameter.name());
        field.getElement().setAttribute("data-parameter", parameter.name());
        if (field instanceof HasLabel l) l.setLabel(parameter.name());
        if (field instanceof HasHelper h) {
            String helper = LaunchForm.helperText(parameter);
            if (!helper.isEmpty()) h.setHelperText(helper);
        }
        if (field instanceof HasSuffix s && !parameter.unit().isEmpty()) {
            Span unit = new Span(parameter.unit());
            unit.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            s.setSuffixComponent(unit);
        }
        if (field instanceof com.vaadin.flow.component.HasSize sized) sized.setWidthFull();
        if (field instanceof Checkbox c && !parameter.help().isBlank()) {
            c.setTooltipText(parameter.help());
        }
        field.addValueChangeListener(e -> clearError());
    }

    Parameter parameter() {
        return parameter;
    }

    Component component() {
        return field;
    }

    /** The field's value as {@link LaunchForm} reads it (Integer, Double, Boolean or String; null when empty). */
    Object value() {
        return field.getValue();
    }

    /** Shows a value given as {@link LaunchForm#fieldValue} makes it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void setValue(Object value) {
        AbstractField f = field;
        if (value == null) {
            f.clear();
        } else {
            f.setValue(value);
        }
        clearError();
    }

    void showError(String message) {
        if (field instanceof HasValidation v) {
            v.setErrorMessage(message);
            v.setInvalid(true);
        }
    }

    void clearError() {
        if (field instanceof HasValidation v && v.isInvalid()) {
            v.setInvalid(false);
            v.setErrorMessage(null);
        }
    }
}
