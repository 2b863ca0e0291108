package nl.veiligheidskaart.service.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Two replicas' change feeds on one database (an in-memory H2 with the migration's table): what
 * one announces, the other publishes as the same event, once, and only once; a change committed
 * late, with a lower number than one already seen, is not lost.
 */
class ChangeFeedTest {

  /** A replica: its feed, and the events its feed published to it (listeners run as they would). */
  private static final class Replica implements ApplicationEventPublisher {
    final List<Object> published = new ArrayList<>();
    ChangeFeed feed;

    @Override
    public void publishEvent(Object event) {
      published.add(event);
      // the feed is one of the listeners of the event it publishes: it must not announce it again
      if (event instanceof DataChangedEvent data) {
        feed.dataChanged(data);
      } else if (event instanceof AccountChangedEvent account) {
        feed.accountChanged(account);
      }
    }
  }

  private DataSource database;

  @BeforeEach
  void database() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:change-feed-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    database = h2;
    try (Connection connection = database.getConnection()) {
      ScriptUtils.executeSqlScript(connection,
          new ClassPathResource("db/migration/h2/V6__change_feed_and_sessions.sql"));
    }
  }

  private Replica replica() {
    Replica replica = new Replica();
    replica.feed = new ChangeFeed(database, replica, Clock.systemUTC());
    return replica;
  }

  @Test
  void whatOneReplicaAnnouncesTheOtherPublishesOnce() {
    Replica a = replica();
    Replica b = replica();

    a.feed.dataChanged(new DataChangedEvent("incidents"));
    a.feed.dataChanged(new DataChangedEvent("incidents"));
    a.feed.accountChanged(new AccountChangedEvent("gm-deventer"));
    b.feed.poll();
    a.feed.poll();

    assertThat(b.published).as("two imports of a layer between two reads: one event")
        .containsExactly(new DataChangedEvent("incidents"), new AccountChangedEvent("gm-deventer"));
    assertThat(a.published).as("its own changes it knew already").isEmpty();
    assertThat(rows()).as("published again, not announced again").isEqualTo(3);

    b.feed.poll();
    assertThat(b.published).as("read again within the minute, not applied twice").hasSize(2);
  }

  /** Imports that only added rows travel with the id they added after, so that the other replica extends its index. */
  @Test
  void appendsAreAnnouncedAsAppendsInTheirOrder() {
    Replica a = replica();
    Replica b = replica();

    a.feed.dataChanged(new DataChangedEvent("incidents", 1_000L));
    a.feed.dataChanged(new DataChangedEvent("incidents", 3_000L));
    b.feed.poll();

    assertThat(b.published).containsExactly(new DataChangedEvent("incidents", 1_000L),
        new DataChangedEvent("incidents", 3_000L));
  }

  @Test
  void aChangeCommittedLateWithALowerNumberIsNotLost() throws Exception {
    Replica a = replica();
    Replica b = replica();
    try (Connection slow = database.getConnection(); Statement sql = slow.createStatement()) {
      slow.setAutoCommit(false);
      sql.executeUpdate("INSERT INTO store_change (kind, subject, origin, changed_at) "
          + "VALUES ('account', 'analist', 'replica-c', CURRENT_TIMESTAMP)");
      a.feed.dataChanged(new DataChangedEvent("hemp-sites"));
      b.feed.poll();
      assertThat(b.published).containsExactly(new DataChangedEvent("hemp-sites"));

      slow.commit();
    }
    b.feed.poll();
    assertThat(b.published).containsExactly(new DataChangedEvent("hemp-sites"), new AccountChangedEvent("analist"));
  }

  @Test
  void aReplicaThatStartsSkipsWhatHappenedBefore() {
    Replica a = replica();
    a.feed.dataChanged(new DataChangedEvent("incidents"));

    Replica later = replica();
    later.feed.poll();
    assertThat(later.published).as("it reads the store afresh anyway").isEmpty();
  }

  private int rows() {
    try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
        var result = sql.executeQuery("SELECT count(*) FROM store_change")) {
      result.next();
      return result.getInt(1);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
