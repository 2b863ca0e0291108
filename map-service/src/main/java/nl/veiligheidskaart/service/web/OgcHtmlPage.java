package nl.veiligheidskaart.service.web;

import java.util.List;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * The OGC API pages for a person with a browser: the same content as the JSON, as plain HTML with
 * the links to follow. No script and no inline style (the service's Content-Security-Policy).
 */
final class OgcHtmlPage {

  private final StringBuilder html = new StringBuilder();

  private OgcHtmlPage(String title) {
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
        .append(text(title)).append("</title>\n<link rel=\"icon\" href=\"data:,\">\n</head>\n<body>\n<h1>")
        .append(text(title)).append("</h1>\n");
  }

  static OgcHtmlPage titled(String title) {
    return new OgcHtmlPage(title);
  }

  OgcHtmlPage paragraph(String content) {
    html.append("<p>").append(text(content)).append("</p>\n");
    return this;
  }

  /** The links of the JSON document (maps with href, rel, type, title) as a list. */
  OgcHtmlPage links(List<Map<String, String>> links) {
    html.append("<ul>\n");
    for (Map<String, String> link : links) {
      html.append("<li><a href=\"").append(text(link.get("href"))).append("\" rel=\"").append(text(link.get("rel")))
          .append("\" type=\"").append(text(link.get("type"))).append("\">").append(text(link.get("title")))
          .append("</a> (").append(text(link.get("type"))).append(")</li>\n");
    }
    html.append("</ul>\n");
    return this;
  }

  String end() {
    return html.append("</body>\n</html>\n").toString();
  }

  private static String text(String value) {
    return value == null ? "" : HtmlUtils.htmlEscape(value);
  }
}
