package nl.veiligheidskaart.service;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/** A Spring test on PostGIS (see {@link nl.veiligheidskaart.service.store.PostgisTestDatabase}), with the shared 2019 boundaries and a data directory of its own. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ContextConfiguration(initializers = TestStores.PostgisStore.class)
public @interface OnPostgis {
}
