package org.physlab.web.plugins;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.physlab.web.MainLayout;

/** TODO(helper): the Plugins view. */
@Route(value = "plugins", layout = MainLayout.class)
@PageTitle("Plugins · Physlab")
public class PluginsView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    public PluginsView() {
        add(new H2("Plugins"));
    }
}
