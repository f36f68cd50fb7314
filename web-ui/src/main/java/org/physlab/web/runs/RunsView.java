package org.physlab.web.runs;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.physlab.web.MainLayout;

/** TODO(helper): the Runs view. */
@Route(value = "runs", layout = MainLayout.class)
@PageTitle("Runs · Physlab")
public class RunsView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    public RunsView() {
        add(new H2("Runs"));
    }
}
