package org.physlab.web.launch;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.physlab.web.MainLayout;

/** TODO(helper): the Launch view. */
@Route(value = "launch/:experimentId", layout = MainLayout.class)
@PageTitle("Launch · Physlab")
public class LaunchView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    public LaunchView() {
        add(new H2("Launch"));
    }
}
