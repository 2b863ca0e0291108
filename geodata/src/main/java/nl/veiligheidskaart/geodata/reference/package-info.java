/**
 * The reference geography as values: the municipalities and districts of Oost-Nederland with
 * their codes and names (76 municipalities as of 1 January 2019, 5 districts), as shipped with the
 * project.
 */
package nl.veiligheidskaart.geodata.reference;
