package io.harbinger.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;

/**
 * The dashboard at {@code /}: the static page of the class path's {@code /dashboard} folder (plain ES
 * modules, no build step) and the webjars it loads ({@code /webjars/uplot/...}). Nothing is fetched from
 * elsewhere: the page calls only this node's API.
 */
final class DashboardRoutes {
    private DashboardRoutes() {
    }

    static void configure(JavalinConfig config) {
        config.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/dashboard";
            files.location = Location.CLASSPATH;
        });
        config.staticFiles.enableWebjars();
    }
}
