package org.tandem.members.directory;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tandem.members.MemberDirectory;
import org.tandem.members.MemberRepository;

/** Picks the member directory that serves, from {@code tandem.members.directory}; refuses to start half-configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MembersProperties.class)
class MemberDirectoryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MemberDirectoryConfiguration.class);

    @Bean
    MemberDirectory memberDirectory(MembersProperties properties, MemberRepository repository, ObjectMapper json) {
        if (properties.directory() == MemberDirectory.Kind.HTTP) {
            MembersProperties.Http http = properties.http();
            HttpMemberDirectory directory = new HttpMemberDirectory(http, json);
            log.info(
                    "Member directory: the member system at {} (authentication {}, time-out {} ms)",
                    directory.baseUrl(),
                    http.authentication(),
                    http.timeout().toMillis());
            return directory;
        }
        log.info("Member directory: Tandem's member table");
        return new DatabaseMemberDirectory(repository);
    }
}
