package org.physlab.web;

import com.vaadin.flow.server.VaadinServlet;
import jakarta.servlet.ServletException;
import org.physlab.web.security.AccessGuard;

/** Vaadin's servlet with the {@link AccessGuard} before every view of every UI. */
public class PhyslabVaadinServlet extends VaadinServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void servletInitialized() throws ServletException {
        super.servletInitialized();
        getService().addUIInitListener(AccessGuard::install);
    }
}
