package org.physlab.web.run;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.physlab.web.MainLayout;

/** TODO(helper): the Run view. */
@Route(value = "runs/:runId", layout = MainLayout.class)
@PageTitle("Run · Physlab")
public class RunView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    public RunView() {
        add(new H2("Run"));
    }
}
