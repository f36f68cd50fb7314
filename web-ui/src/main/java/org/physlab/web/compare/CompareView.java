package org.physlab.web.compare;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.physlab.web.MainLayout;

/** TODO(helper): the Compare view. */
@Route(value = "compare", layout = MainLayout.class)
@PageTitle("Compare · Physlab")
public class CompareView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    public CompareView() {
        add(new H2("Compare"));
    }
}
