package io.hallmark.beam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.transforms.DoFn;

/**
 * The reports as rows for Parquet: the fields an analyst filters on as columns, and the whole
 * {@code hallmark.verify/2} JSON in {@code report}. {@link #SCHEMA} is the Avro schema ParquetIO writes with.
 */
final class ReportRecords extends DoFn<String, GenericRecord> {
    /** One row per verified file. */
    static final Schema SCHEMA = new Schema.Parser().parse("""
            {"type": "record", "name": "HallmarkReport", "namespace": "io.hallmark.beam", "fields": [
              {"name": "file", "type": "string"},
              {"name": "verdict", "type": "string"},
              {"name": "sentence", "type": "string"},
              {"name": "manifestId", "type": ["null", "string"], "default": null},
              {"name": "signer", "type": ["null", "string"], "default": null},
              {"name": "digitalSourceType", "type": ["null", "string"], "default": null},
              {"name": "watermarkPayload", "type": ["null", "string"], "default": null},
              {"name": "recovered", "type": "boolean"},
              {"name": "recoveredManifestId", "type": ["null", "string"], "default": null},
              {"name": "contentCheck", "type": ["null", "string"], "default": null},
              {"name": "report", "type": "string"}
            ]}""");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ProcessElement
    public void process(@Element String reportJson, OutputReceiver<GenericRecord> out) throws IOException {
        JsonNode r = JSON.readTree(reportJson);
        boolean recovered = r.path("recovered").asBoolean(false);
        JsonNode manifest = recovered ? r.path("recoveredManifest") : r.path("c2pa");
        GenericRecord row = new GenericData.Record(SCHEMA);
        row.put("file", r.path("file").asText());
        row.put("verdict", r.path("verdict").asText());
        row.put("sentence", r.path("sentence").asText());
        row.put("manifestId", text(manifest.path("manifestId")));
        row.put("signer", text(manifest.path("signer")));
        row.put("digitalSourceType", text(manifest.path("digitalSourceType")));
        row.put("watermarkPayload", text(r.path("watermark").path("payload")));
        row.put("recovered", recovered);
        row.put("recoveredManifestId", text(r.path("recoveredManifest").path("manifestId")));
        row.put("contentCheck", text(r.path("contentCheck").path("decision")));
        row.put("report", reportJson);
        out.output(row);
    }

    private static String text(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }
}
