package org.physlab.web;

import com.vaadin.flow.server.VaadinServlet;
import org.physlab.runtime.Physlab;
import org.physlab.web.live.LabEvents;

/** The running {@link Physlab} that the web UI shows, as the views reach it. */
public final class Lab {
    static final String ATTRIBUTE = Physlab.class.getName();
    static final String EVENTS_ATTRIBUTE = LabEvents.class.getName();

    private Lab() { }

    /** The lab of the servlet handling the current request or UI access. */
    public static Physlab current() {
        VaadinServlet servlet = VaadinServlet.getCurrent();
        if (servlet == null) throw new IllegalStateException("no Vaadin request is being handled on this thread");
        Object lab = servlet.getServletContext().getAttribute(ATTRIBUTE);
        if (!(lab instanceof Physlab p)) throw new IllegalStateException("the web UI was mounted without a Physlab");
        return p;
    }

    /** The live-update broadcaster of the web UI (one per server). */
    public static LabEvents events() {
        VaadinServlet servlet = VaadinServlet.getCurrent();
        if (servlet == null) throw new IllegalStateException("no Vaadin request is being handled on this thread");
        return (LabEvents) servlet.getServletContext().getAttribute(EVENTS_ATTRIBUTE);
    }
}
