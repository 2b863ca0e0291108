package nl.veiligheidskaart.service.store;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AreaStatisticRepository extends JpaRepository<AreaStatisticEntity, Long> {

  /**
   * Cells filtered by optional parts (null = any), the category by its full title or its code prefix.
   * The prefix is matched with LIKE, so its metacharacters are escaped: a category '%' must match
   * nothing rather than everything.
   */
  default List<AreaStatisticEntity> find(String category, String period, String municipality) {
    String prefix = category == null ? null
        : category.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + " %";
    return find(category, prefix, period, municipality);
  }

  @Query("""
      select s from AreaStatisticEntity s
      where (:category is null or s.category = :category or s.category like :prefix escape '\\')
        and (:period is null or s.period = :period)
        and (:municipality is null or s.municipalityCode = :municipality)
      order by s.category, s.periodStart, s.municipalityCode""")
  List<AreaStatisticEntity> find(String category, String prefix, String period, String municipality);

  @Query("select distinct s.category from AreaStatisticEntity s order by s.category")
  List<String> categories();
}
