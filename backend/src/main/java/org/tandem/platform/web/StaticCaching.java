package org.tandem.platform.web;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets the browser keep the app's scripts and styles (P4, issue 18): the build names each file of
 * /assets/ after its content, so a file never changes under its name and is cached for a year
 * (immutable: no request at all, and Chromium reuses its compiled code); index.html keeps its name, so
 * the browser asks again each time (a 304 when it did not change); boot.js, which only starts GET /api/me
 * and which the app does without, is kept an hour (asking would hold the page's parsing). Without
 * this, Spring Security's default no-store made every page load download 580 kB of JavaScript again.
 */
@Configuration
class StaticCaching implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler("/index.html")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.noCache());
        registry.addResourceHandler("/boot.js")
                .addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)));
    }
}
