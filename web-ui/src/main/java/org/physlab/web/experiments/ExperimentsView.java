package org.physlab.web.experiments;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.physlab.web.MainLayout;

/** TODO(helper): the Experiments view. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Experiments · Physlab")
public class ExperimentsView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    public ExperimentsView() {
        add(new H2("Experiments"));
    }
}
