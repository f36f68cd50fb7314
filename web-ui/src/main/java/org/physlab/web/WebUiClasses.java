package org.physlab.web;

import java.util.List;

/** The classes Vaadin's initializers are told about in place of annotation scanning: the shell and every route. */
final class WebUiClasses {
    private WebUiClasses() { }

    static final List<Class<?>> ALL = List.of(
            PhyslabShell.class,
            org.physlab.web.experiments.ExperimentsView.class,
            org.physlab.web.launch.LaunchView.class,
            org.physlab.web.runs.RunsView.class,
            org.physlab.web.run.RunView.class,
            org.physlab.web.compare.CompareView.class,
            org.physlab.web.plugins.PluginsView.class,
            org.physlab.web.security.LoginView.class,
            org.physlab.web.admin.AdminView.class);
}
