/**
 * OGC API - Features collections: the layers as paged feature collections with exact bounding
 * boxes in any offered CRS, datetime filters and links, as GDAL, QGIS and ArcGIS Pro read them.
 */
package nl.veiligheidskaart.service.features;
