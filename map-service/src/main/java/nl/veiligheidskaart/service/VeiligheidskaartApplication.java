package nl.veiligheidskaart.service;

import nl.veiligheidskaart.service.cli.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Veiligheidskaart: incident and risk mapping for the safety network of Oost-Nederland.
 * Without arguments it serves the API and the viewer; with a command ({@code user add ...}) it
 * runs that command against the same store and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VeiligheidskaartApplication {

  public static void main(String[] args) {
    if (CommandLine.isCommand(args)) {
      System.exit(CommandLine.run(args));
    }
    SpringApplication.run(VeiligheidskaartApplication.class, args);
  }
}
