package org.tandem.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Calls the API as a demo user (password = user name), and reads JSON answers. */
public final class Api {

    private final MockMvc mvc;
    private final ObjectMapper json = new ObjectMapper();

    public Api(MockMvc mvc) {
        this.mvc = mvc;
    }

    public record Response(int status, JsonNode body) {}

    public Response get(String user, String path) {
        var request = MockMvcRequestBuilders.get(path);
        return call(user == null ? request : request.with(httpBasic(user, user)));
    }

    public Response post(String user, String path, Object body) {
        return send(MockMvcRequestBuilders.post(path), user, body);
    }

    public Response put(String user, String path, Object body) {
        return send(MockMvcRequestBuilders.put(path), user, body);
    }

    public Response delete(String user, String path) {
        return send(MockMvcRequestBuilders.delete(path), user, "");
    }

    /** A body of another type than JSON (a CSV file, say). */
    public Response post(String user, String path, String contentType, String body) {
        try {
            var request = withCsrf(MockMvcRequestBuilders.post(path))
                    .contentType(contentType)
                    .characterEncoding(java.nio.charset.StandardCharsets.UTF_8)
                    .content(body);
            return call(user == null ? request : request.with(httpBasic(user, user)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A file sent as a browser sends an upload: multipart/form-data, part {@code file}. */
    public Response upload(String user, String path, String fileName, String contentType, byte[] content) {
        try {
            var request = withCsrf(MockMvcRequestBuilders.multipart(path)
                    .file(new org.springframework.mock.web.MockMultipartFile("file", fileName, contentType, content)));
            return call(user == null ? request : request.with(httpBasic(user, user)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Response send(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder builder,
            String user,
            Object body) {
        try {
            var request = withCsrf(builder)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body instanceof String s ? s : json.writeValueAsString(body));
            return call(user == null ? request : request.with(httpBasic(user, user)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The real CSRF exchange (cookie echoed in a header): spring-security-test's csrf() would swap the
     * token repository of the shared application for every later test.
     */
    private <B extends org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder> B withCsrf(B builder)
            throws Exception {
        jakarta.servlet.http.Cookie token = mvc.perform(MockMvcRequestBuilders.get("/api/me"))
                .andReturn()
                .getResponse()
                .getCookie("XSRF-TOKEN");
        builder.cookie(token).header("X-XSRF-TOKEN", token.getValue());
        return builder;
    }

    private Response call(org.springframework.test.web.servlet.RequestBuilder request) {
        try {
            MvcResult result = mvc.perform(request).andReturn();
            String content = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            return new Response(result.getResponse().getStatus(), content.isBlank() ? null : json.readTree(content));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
