package nl.veiligheidskaart.service.web;

import java.util.List;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * The OGC API pages for a person with a browser: the same content as the JSON, as plain HTML with
 * the links to follow. No script and no inline style (the service's Content-Security-Policy).
 */
final class OgcHtmlPage {

  private final String title;
  private final StringBuilder body = new StringBuilder();
  private boolean map;

  private OgcHtmlPage(String title) {
    this.title = title;
    body.append("<h1>").append(text(title)).append("</h1>\n");
  }

  static OgcHtmlPage titled(String title) {
    return new OgcHtmlPage(title);
  }

  OgcHtmlPage paragraph(String content) {
    body.append("<p>").append(text(content)).append("</p>\n");
    return this;
  }

  OgcHtmlPage heading(String content) {
    body.append("<h2>").append(text(content)).append("</h2>\n");
    return this;
  }

  /** A table; a cell given as {@link Link} becomes a link. */
  OgcHtmlPage table(List<String> headers, List<List<Object>> rows) {
    body.append("<table>\n<thead><tr>");
    headers.forEach(header -> body.append("<th>").append(text(header)).append("</th>"));
    body.append("</tr></thead>\n<tbody>\n");
    for (List<Object> row : rows) {
      body.append("<tr>");
      for (Object cell : row) {
        body.append("<td>");
        if (cell instanceof Link link) {
          body.append("<a href=\"").append(text(link.href())).append("\">").append(text(link.label())).append("</a>");
        } else {
          body.append(text(cell == null ? "" : String.valueOf(cell)));
        }
        body.append("</td>");
      }
      body.append("</tr>\n");
    }
    body.append("</tbody>\n</table>\n");
    return this;
  }

  /** A small map of the GeoJSON at this URL (fetched by /app/ogc-map.js with the browser's sign-in). */
  OgcHtmlPage map(String geoJsonUrl) {
    map = true;
    body.append("<div id=\"kaart\" class=\"ogc-kaart\" data-features=\"").append(text(geoJsonUrl))
        .append("\"></div>\n");
    return this;
  }

  /** A table cell that links somewhere. */
  record Link(String href, String label) {
  }

  /** The links of the JSON document (maps with href, rel, type, title) as a list. */
  OgcHtmlPage links(List<Map<String, String>> links) {
    body.append("<ul>\n");
    for (Map<String, String> link : links) {
      body.append("<li><a href=\"").append(text(link.get("href"))).append("\" rel=\"").append(text(link.get("rel")))
          .append("\" type=\"").append(text(link.get("type"))).append("\">").append(text(link.get("title")))
          .append("</a> (").append(text(link.get("type"))).append(")</li>\n");
    }
    body.append("</ul>\n");
    return this;
  }

  String end() {
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n")
        .append("<meta charset=\"utf-8\">\n<title>")
        .append(text(title)).append("</title>\n<link rel=\"icon\" href=\"data:,\">\n")
        .append("<link rel=\"stylesheet\" href=\"/app/ogc-pages.css\">\n");
    if (map) {
      html.append("<link rel=\"stylesheet\" href=\"/webjars/leaflet/dist/leaflet.css\">\n")
          .append("<script src=\"/webjars/leaflet/dist/leaflet.js\" defer></script>\n")
          .append("<script type=\"module\" src=\"/app/ogc-map.js\"></script>\n");
    }
    return html.append("</head>\n<body>\n").append(body).append("</body>\n</html>\n").toString();
  }

  private static String text(String value) {
    return value == null ? "" : HtmlUtils.htmlEscape(value);
  }
}
