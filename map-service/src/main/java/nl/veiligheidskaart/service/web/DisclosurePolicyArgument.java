package nl.veiligheidskaart.service.web;

import java.util.List;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicies;
import nl.veiligheidskaart.service.disclosure.DisclosurePolicy;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Hands a controller method the disclosure policy of its request's account. The policy comes from
 * the account, never from the request, so the OpenAPI document does not offer it as a parameter.
 */
@Configuration(proxyBeanMethods = false)
class DisclosurePolicyArgument implements WebMvcConfigurer, HandlerMethodArgumentResolver {

  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(DisclosurePolicy.class);
  }

  private final DisclosurePolicies policies;

  DisclosurePolicyArgument(DisclosurePolicies policies) {
    this.policies = policies;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(this);
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == DisclosurePolicy.class;
  }

  @Override
  public DisclosurePolicy resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
      NativeWebRequest request, WebDataBinderFactory binders) {
    return policies.forAccount(SecurityContextHolder.getContext().getAuthentication());
  }
}
