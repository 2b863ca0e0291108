package nl.veiligheidskaart.service.intake;

/** How precisely a source located an incident, from the exact spot to only the municipality. */
enum LocationPrecision {
  EXACT, ADDRESS, STREET, POSTCODE, NEIGHBOURHOOD, MUNICIPALITY
}
