package nl.veiligheidskaart.service.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import nl.veiligheidskaart.geodata.reference.ReferenceGeography;
import nl.veiligheidskaart.service.audit.AuditLogFilter;
import nl.veiligheidskaart.service.audit.SignInAttempt;
import nl.veiligheidskaart.service.config.VeiligheidskaartProperties;
import nl.veiligheidskaart.service.identity.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. API clients (QGIS, scripts) use HTTP Basic with a local account, or a bearer
 * token from the organisation's OpenID Connect provider when one is configured; the viewer uses a
 * session from the form login, with CSRF protection for its state-changing calls. Everything under
 * /api and /ogc needs an account; only health, the login page and its assets are open. Every
 * request there, every sign-in and sign-out is audited from inside this chain, refusals included;
 * a session is checked against its account on every request.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, VeiligheidskaartProperties properties,
      ObjectProvider<JwtDecoder> tokenDecoder, ReferenceGeography reference, AuditLogFilter audit,
      AccountUserDetailsService accounts) {
    ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint();
    RequestMatcher api = new OrRequestMatcher(path("/api/**"), path("/ogc/**"));
    // Only the viewer's pages are worth returning to after signing in; an API call remembered
    // for that would also give every unauthenticated probe a session.
    HttpSessionRequestCache pages = new HttpSessionRequestCache();
    pages.setRequestMatcher(new NegatedRequestMatcher(api));
    SimpleUrlAuthenticationFailureHandler loginFailed = new SimpleUrlAuthenticationFailureHandler("/login.html?fout");
    http
        // Audited from before any sign-in or access decision, so that refusals are rows too.
        .addFilterAfter(audit, SecurityContextHolderFilter.class)
        .addFilterBefore(new AccountSessionCheck(accounts), LogoutFilter.class)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
            .requestMatchers("/login.html", "/csrf", "/favicon.svg", "/app/login.js", "/app/viewer.css",
                "/webjars/**", "/v3/api-docs", "/v3/api-docs/**", "/error").permitAll()
            .requestMatchers("/api/v1/admin/**", "/api/v1/import/**").hasRole(Role.ADMIN.name())
            // the waterbed check: municipalities check themselves and their neighbours (scoped in the controller)
            .requestMatchers("/api/v1/analysis/displacement", "/api/v1/analysis/displacement/**")
            .hasAnyRole(Role.ANALYST.name(), Role.MUNICIPALITY.name(), Role.BBG.name())
            // interventions and their waterbed alerts: registered by analysts and municipalities (own municipality,
            // checked in the service), read by every role that sees aggregates (scoped per role)
            .requestMatchers(HttpMethod.GET, "/api/v1/interventions", "/api/v1/interventions/**", "/api/v1/alerts")
            .hasAnyRole(Role.ANALYST.name(), Role.MUNICIPALITY.name(), Role.BBG.name())
            .requestMatchers("/api/v1/interventions", "/api/v1/interventions/**")
            .hasAnyRole(Role.ANALYST.name(), Role.MUNICIPALITY.name())
            // instruments per municipality: public policy; recorded by analysts and the municipality itself
            .requestMatchers(HttpMethod.PUT, "/api/v1/municipalities/*/instruments")
            .hasAnyRole(Role.ANALYST.name(), Role.MUNICIPALITY.name())
            // the instrument gaps, and the time profile, an aggregate shown to each role through the disclosure policy
            .requestMatchers("/api/v1/analysis/instrument-gaps", "/api/v1/analysis/time-profile")
            .hasAnyRole(Role.ANALYST.name(), Role.MUNICIPALITY.name(), Role.BBG.name())
            // snapshots: every role that sees aggregates (the layers are checked and scoped per role)
            .requestMatchers("/api/v1/snapshots").hasAnyRole(Role.ANALYST.name(), Role.MUNICIPALITY.name(),
                Role.BBG.name())
            // raw points and risk locations: analysts only (DESIGN.md, privacy and access)
            .requestMatchers("/api/v1/incidents/**", "/api/v1/hemp-sites/**", "/api/v1/holiday-parks/**",
                "/api/v1/omg-clubhouses/**", "/api/v1/analysis/**").hasRole(Role.ANALYST.name())
            // the unit-wide pack holds aggregates only: the board makes it too
            .requestMatchers("/api/v1/briefings/unit").hasAnyRole(Role.ANALYST.name(), Role.BBG.name())
            // district briefing packs hold hotspot maps: analysts prepare them for the board
            .requestMatchers("/api/v1/briefings/**").hasRole(Role.ANALYST.name())
            // figures from incidents: not for ADMIN, who runs imports and accounts (least privilege)
            .requestMatchers("/api/v1/tiles/**", "/api/v1/municipalities/*/figures", "/ogc/tiles",
                "/ogc/layers/**", "/ogc/collections/*/tiles/**", "/ogc/collections/*/map/tiles/**")
            .hasAnyRole(Role.ANALYST.name(), Role.MUNICIPALITY.name(), Role.BBG.name())
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.realmName(ProblemAuthenticationEntryPoint.REALM)
            .authenticationEntryPoint(problems))
        // Always to the viewer after signing in, without a "?continue" from the request cache: the view a
        // shared link asked for travels in the URL fragment, which the login page passes on.
        .formLogin(form -> form.loginPage("/login.html").loginProcessingUrl(SignInAttempt.LOGIN)
            .defaultSuccessUrl("/", true)
            .failureHandler((request, response, failure) -> {
              if (failure instanceof SignInThrottledException) {
                problems.commence(request, response, failure);
              } else {
                loginFailed.onAuthenticationFailure(request, response, failure);
              }
            }))
        .logout(logout -> logout.logoutUrl(SignInAttempt.LOGOUT).logoutSuccessUrl("/login.html?uitgelogd"))
        .requestCache(cache -> cache.requestCache(pages))
        .exceptionHandling(errors -> errors
            .defaultAuthenticationEntryPointFor(problems, api)
            .defaultAccessDeniedHandlerFor(problems, api)
            // pages and forms (a sign-out with a stale token): the Dutch error page for the browser
            .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE))
        .csrf(csrf -> csrf.spa().ignoringRequestMatchers(SecurityConfiguration::authenticatesByItsOwnHeader))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(properties.basemap())))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
    if (tokenDecoder.getIfAvailable() != null) {
      TokenAccountConverter tokenAccounts = new TokenAccountConverter(properties.oidc(), reference);
      http.oauth2ResourceServer(tokens -> tokens
          .jwt(jwt -> jwt.jwtAuthenticationConverter(tokenAccounts))
          .authenticationEntryPoint(problems)
          .accessDeniedHandler(problems));
    }
    return http.build();
  }

  /** Boot would run the audit filter once more outside the security chain; it belongs inside it only. */
  @Bean
  FilterRegistrationBean<AuditLogFilter> auditLogFilterOnlyInTheSecurityChain(AuditLogFilter audit) {
    FilterRegistrationBean<AuditLogFilter> registration = new FilterRegistrationBean<>(audit);
    registration.setEnabled(false);
    return registration;
  }

  /**
   * A call that signs in by its own Authorization header alone cannot be forged by another site:
   * it needs no CSRF token. A browser, though, sends cookies and remembered Basic credentials by
   * itself: a call with a session cookie, or one the browser marks as coming from another site,
   * must carry the token.
   */
  static boolean authenticatesByItsOwnHeader(HttpServletRequest request) {
    String site = request.getHeader("Sec-Fetch-Site");
    return request.getHeader(HttpHeaders.AUTHORIZATION) != null && request.getRequestedSessionId() == null
        && (site == null || site.equals("same-origin") || site.equals("none"));
  }

  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.pathPattern(pattern);
  }

  /**
   * No inline script or style anywhere; images also from the basemap's host and address searches
   * to the geocoder's host when there are.
   */
  static String contentSecurityPolicy(VeiligheidskaartProperties.Basemap basemap) {
    String images = "'self' data:";
    String connect = "'self'";
    if (basemap.enabled()) {
      images += " " + origin(basemap.url());
    }
    if (basemap.geocoderEnabled()) {
      connect += " " + origin(basemap.geocoderUrl());
    }
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src " + images
        + "; connect-src " + connect + "; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
  }

  private static String origin(String urlTemplate) {
    URI uri = URI.create(urlTemplate.replace("{", "%7B").replace("}", "%7D"));
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
  }
}
