/**
 * Who the caller is: local accounts (BCrypt, sign-in throttling, account lifecycle) or OIDC
 * tokens, the roles ANALYST, MUNICIPALITY, BBG and ADMIN, and the Spring Security filter chain.
 */
package nl.veiligheidskaart.service.security;
