package org.tandem.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The bad-input campaign's uploads, for the routes that take a file (multipart/form-data, part
 * {@code file}: the member CSV, a knowledge PDF or DOCX): broken envelopes, missing or empty parts,
 * files of another kind, hostile names, a damaged PDF, a zip bomb, an XXE, a file above 10 MB.
 * None is valid: each must be refused in French, without a 5xx.
 */
final class BadUploads {

    static final String BOUNDARY = "----campagne-tandem";
    static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

    private BadUploads() {}

    static List<BadInputCampaign.Probe> probes(String method, String route, String path) {
        List<BadInputCampaign.Probe> probes = new ArrayList<>();
        probes.add(
                raw(method, route, path, MULTIPART, "pas du tout un envoi en plusieurs parties", "broken multipart"));
        probes.add(
                raw(method, route, path, "multipart/form-data", "--x\r\n\r\n--x--\r\n", "multipart without boundary"));
        probes.add(raw(
                method,
                route,
                path,
                MULTIPART,
                "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-",
                "truncated multipart"));
        probes.add(file(
                method, route, path, "autre", "notes.txt", "text/plain", bytes("bonjour"), "part named otherwise"));
        probes.add(file(method, route, path, "file", "vide.pdf", "application/pdf", new byte[0], "empty file"));
        probes.add(file(method, route, path, "file", "image.png", "image/png", png(), "an image"));
        probes.add(file(
                method,
                route,
                path,
                "file",
                "../../<script>alert(1)</script>.pdf",
                "application/pdf",
                bytes("%PDF-1.4\n" + "x".repeat(500)),
                "damaged PDF with a hostile name"));
        probes.add(file(method, route, path, "file", "ancien.doc", "application/msword", ole2(), "Word 97-2003 .doc"));
        probes.add(file(method, route, path, "file", "bombe.docx", "application/zip", zipBomb(), "zip bomb"));
        probes.add(file(method, route, path, "file", "xxe.docx", "application/zip", xxe(), "XXE in a docx"));
        probes.add(file(
                method,
                route,
                path,
                "file",
                "utf16.csv",
                "text/csv",
                "\uFEFFid;firstName;lastName\n".getBytes(StandardCharsets.UTF_16),
                "UTF-16 text"));
        probes.add(file(
                method,
                route,
                path,
                "file",
                "latin1.csv",
                "text/csv",
                "id;prénom;nom\n1;Zoé;Roy\n".getBytes(StandardCharsets.ISO_8859_1),
                "Latin-1 text"));
        byte[] huge = new byte[11 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'a');
        probes.add(file(method, route, path, "file", "enorme.pdf", "application/pdf", huge, "11 MB file"));
        return probes;
    }

    private static BadInputCampaign.Probe raw(
            String method, String route, String path, String contentType, String body, String what) {
        return new BadInputCampaign.Probe(method, route, path, contentType, body, "upload: " + what);
    }

    private static BadInputCampaign.Probe file(
            String method,
            String route,
            String path,
            String part,
            String fileName,
            String contentType,
            byte[] content,
            String what) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(bytes("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n"));
        body.writeBytes(content);
        body.writeBytes(bytes("\r\n--" + BOUNDARY + "--\r\n"));
        return new BadInputCampaign.Probe(method, route, path, MULTIPART, "", "upload: " + what, body.toByteArray());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] png() {
        byte[] png = new byte[64];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0, png, 0, 8);
        return png;
    }

    private static byte[] ole2() {
        byte[] doc = new byte[512];
        System.arraycopy(
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
                0,
                doc,
                0,
                8);
        return doc;
    }

    private static byte[] zip(String name, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** 41 MB of text in a few kilobytes. */
    private static byte[] zipBomb() {
        byte[] spaces = new byte[41 * 1024 * 1024];
        Arrays.fill(spaces, (byte) ' ');
        return zip("word/document.xml", spaces);
    }

    private static byte[] xxe() {
        return zip(
                "word/document.xml",
                bytes("<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY s SYSTEM \"file:///etc/passwd\">]><w:document"
                        + " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>"
                        + "<w:r><w:t>&s;</w:t></w:r></w:p></w:body></w:document>"));
    }
}
