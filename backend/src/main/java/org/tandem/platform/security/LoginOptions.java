package org.tandem.platform.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * How a person may log in, for the login page: the single sign-on providers configured (each a button
 * « Se connecter avec … ») and whether the identifier-and-password form is on
 * ({@code tandem.login.form-enabled}, default true). With the form off and no provider, nobody could log
 * in: the application refuses to start.
 */
@Component
class LoginOptions {

    /** @param loginUrl where the browser goes to start the provider's login */
    @io.swagger.v3.oas.annotations.media.Schema(name = "SsoProvider")
    record Provider(String id, String name, String loginUrl) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "LoginOptions")
    record Options(boolean formEnabled, List<Provider> providers) {}

    private final boolean formEnabled;
    private final List<Provider> providers;

    LoginOptions(
            @Value("${tandem.login.form-enabled:true}") boolean formEnabled,
            ObjectProvider<ClientRegistrationRepository> registrations) {
        this.formEnabled = formEnabled;
        this.providers = providers(registrations.getIfAvailable());
        if (!formEnabled && providers.isEmpty()) {
            throw new IllegalStateException("tandem.login.form-enabled=false needs a single sign-on provider"
                    + " (spring.security.oauth2.client.registration.*): otherwise nobody can log in.");
        }
    }

    boolean formEnabled() {
        return formEnabled;
    }

    Options options() {
        return new Options(formEnabled, providers);
    }

    private static List<Provider> providers(ClientRegistrationRepository repository) {
        List<Provider> providers = new ArrayList<>();
        if (repository instanceof Iterable<?> registrations) {
            for (Object o : registrations) {
                ClientRegistration r = (ClientRegistration) o;
                String name = r.getClientName() == null || r.getClientName().equals(r.getRegistrationId())
                        ? r.getRegistrationId()
                        : r.getClientName();
                providers.add(
                        new Provider(r.getRegistrationId(), name, "/oauth2/authorization/" + r.getRegistrationId()));
            }
        }
        return List.copyOf(providers);
    }
}
