package org.physlab.web;

import com.vaadin.flow.di.LookupInitializer;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.HandlesTypes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.physlab.runtime.Physlab;
import org.physlab.server.ServerExtension;
import org.physlab.web.live.LabEvents;

/**
 * Mounts the Vaadin web UI on {@code /*} of the Physlab HTTP server (the REST API keeps {@code /api/*}).
 *
 * <p>Vaadin runs as a plain servlet: no Spring, no annotation scanning. Vaadin's own
 * {@link ServletContainerInitializer}s are handed the classes they would otherwise scan for (the
 * routes in {@link WebUiClasses}, the app shell, and {@link LookupInitializer}), the class-path
 * {@code META-INF/resources} folders (WebJars) become the context's static resources, and
 * Jakarta WebSocket is set up for server push.
 */
public final class WebUi implements ServerExtension {

    @Override
    public void mount(ServletContextHandler context, Physlab lab) {
        ClassLoader loader = WebUi.class.getClassLoader();
        context.setClassLoader(loader);
        context.setAttribute(Lab.ATTRIBUTE, lab);
        LabEvents events = new LabEvents(lab);
        context.setAttribute(Lab.EVENTS_ATTRIBUTE, events);
        context.addEventListener(new ServletContextListener() {
            @Override
            public void contextDestroyed(ServletContextEvent e) {
                events.close();
            }
        });
        if (context.getSessionHandler() == null) context.setSessionHandler(new SessionHandler());
        context.setBaseResource(classPathResources(context, loader));
        JakartaWebSocketServletContainerInitializer.configure(context, null);
        for (ServletContainerInitializer initializer : ServiceLoader.load(ServletContainerInitializer.class, loader)) {
            if (initializer.getClass().getName().startsWith("com.vaadin.")) {
                context.addServletContainerInitializer(initializer, handledClasses(initializer).toArray(Class<?>[]::new));
            }
        }
        ServletHolder vaadin = new ServletHolder("vaadin", PhyslabVaadinServlet.class);
        vaadin.setAsyncSupported(true);
        vaadin.setInitOrder(1);
        vaadin.setInitParameter("productionMode", "true");
        // Push streams and long polls outlive the usual request timeout; Atmosphere needs to know the servlet.
        vaadin.setInitParameter("pushLongPollingSuspendTimeout", "-1");
        if (lab.config().auth().enabled()) {
            // Heartbeats of an open tab must not keep a login alive: the session ends after
            // physlab.auth.sessionTimeoutMinutes without a user action. (Vaadin's CSRF protection stays on.)
            vaadin.setInitParameter("closeIdleSessions", "true");
        }
        context.addServlet(vaadin, "/*");
    }

    /** The classes among ours (and Vaadin's LookupInitializer) that an initializer's {@code @HandlesTypes} asks for. */
    private static Set<Class<?>> handledClasses(ServletContainerInitializer initializer) {
        HandlesTypes handles = initializer.getClass().getAnnotation(HandlesTypes.class);
        Set<Class<?>> handled = new LinkedHashSet<>();
        if (handles == null) return handled;
        List<Class<?>> candidates = new ArrayList<>(WebUiClasses.ALL);
        candidates.add(LookupInitializer.class);
        for (Class<?> candidate : candidates) {
            for (Class<?> type : handles.value()) {
                boolean matches = type.isAnnotation()
                        ? candidate.isAnnotationPresent(type.asSubclass(Annotation.class))
                        : type.isAssignableFrom(candidate);
                if (matches) handled.add(candidate);
            }
        }
        return handled;
    }

    /** Every {@code META-INF/resources} folder on the class path, as one resource (what a servlet container does for jars). */
    private static Resource classPathResources(ServletContextHandler context, ClassLoader loader) {
        ResourceFactory factory = ResourceFactory.of(context);
        List<Resource> folders = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources("META-INF/resources"))) {
                folders.add(factory.newResource(url.toURI()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list META-INF/resources on the class path", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return ResourceFactory.combine(folders);
    }
}
