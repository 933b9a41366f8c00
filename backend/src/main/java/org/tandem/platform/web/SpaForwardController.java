package org.tandem.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Client-side routes of the React app are served its index.html. A segment with a dot is a file
 * (assets), and the server's own prefixes are never taken.
 */
@Controller
class SpaForwardController {

    private static final String FIRST = "{a:^(?!api$|camunda$|engine-rest$|actuator$|assets$)[^.]*}";

    @GetMapping({"/", "/" + FIRST, "/" + FIRST + "/{b:[^.]*}", "/" + FIRST + "/{b:[^.]*}/{c:[^.]*}"})
    String forward() {
        return "forward:/index.html";
    }
}
