package cn.qinghai.ledger.standalone;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The API's routes as the running application maps them, for tests generated from the route list. */
record Routes(List<Route> all) {

    record Route(String method, String pattern, boolean optionalBody) {

        String key() {
            return method + " " + pattern;
        }

        /** The pattern with its variables filled with plausible values. */
        String path(Map<String, String> values) {
            String path = pattern;
            for (var e : values.entrySet()) {
                path = path.replace("{" + e.getKey() + "}", e.getValue());
            }
            if (path.contains("{")) {
                throw new IllegalStateException("no test value for a variable of " + pattern);
            }
            return path;
        }
    }

    static Routes of(ApplicationContext context) {
        RequestMappingHandlerMapping mapping =
                context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<Route> routes = new ArrayList<>();
        for (var entry : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            boolean optionalBody = java.util.Arrays.stream(entry.getValue().getMethodParameters())
                    .anyMatch(p -> p.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class)
                            && !p.getParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class)
                                    .required());
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                var methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? List.of(RequestMethod.GET) : methods) {
                    routes.add(new Route(method.name(), pattern, optionalBody));
                }
            }
        }
        routes.sort(java.util.Comparator.comparing(Route::key));
        return new Routes(routes);
    }
}
