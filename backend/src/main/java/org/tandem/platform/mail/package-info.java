/**
 * How e-mails leave the building, shared by every module that sends one: an SMTP server
 * ({@code spring.mail.*}) or a folder of .eml files, chosen by {@code tandem.delivery.transport}.
 */
@NamedInterface("mail")
package org.tandem.platform.mail;

import org.springframework.modulith.NamedInterface;
