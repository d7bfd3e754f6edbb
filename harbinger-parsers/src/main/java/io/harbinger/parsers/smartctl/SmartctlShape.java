package io.harbinger.parsers.smartctl;

import com.fasterxml.jackson.databind.JsonNode;
import io.harbinger.core.parse.RejectReason;
import io.harbinger.core.parse.Rejection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recognises the smartctl JSON documents that are not one device's SMART report ({@code --scan}
 * output, {@code --info} output, an error report with no device) and says what to send instead.
 */
final class SmartctlShape {
    static final String WHAT_TO_SEND = "send the output of `smartctl --json -x <device>` (or -a), one device per document";

    private SmartctlShape() {
    }

    /** @return why {@code root} is not a device report, or empty when it is one */
    static Optional<Rejection> refusal(JsonNode root) {
        if (!root.isObject()) {
            String hint = root.isArray() ? " (an array of documents is not accepted: " + WHAT_TO_SEND + ")" : "; " + WHAT_TO_SEND;
            return unsupported("expected one smartctl --json document, a JSON object, got " + JsonDocument.typeOf(root) + hint);
        }
        if (root.has("devices") && !root.has("device")) return unsupported(scanMessage(root.get("devices")));
        if (SmartctlReadings.hasReadings(root)) return Optional.empty();
        if (!root.has("device") && !root.has("serial_number")) return unsupported(noDeviceMessage(root));
        return unsupported(describeDevice(root) + " has no SMART readings (none of "
                + String.join(", ", SmartctlReadings.READING_MEMBERS) + ")" + smartctlOutcome(root) + ": " + noReadingsAdvice(root));
    }

    private static String noReadingsAdvice(JsonNode root) {
        if ((root.path("smartctl").path("exit_status").asInt(0) & 4) != 0) {
            return "smartctl could not read them; if the drive sits behind a RAID controller, query its member disks"
                    + " (-d megaraid,N or -d sat+megaraid,N) and " + WHAT_TO_SEND;
        }
        return "it only identifies the drive, as `smartctl --info` does; " + WHAT_TO_SEND;
    }

    static Rejection missingSerial(JsonNode root) {
        return Rejection.whole(RejectReason.MISSING_DRIVE, describeDevice(root)
                + " has SMART readings but no serial_number to identify the drive (smartctl -H and -A omit the identity section); "
                + WHAT_TO_SEND);
    }

    private static String scanMessage(JsonNode devices) {
        List<String> names = new ArrayList<>();
        for (JsonNode device : devices) {
            if (names.size() == 5) {
                names.add("...");
                break;
            }
            names.add(device.path("name").asText("?") + typeSuffix(device));
        }
        return "this is `smartctl --scan` output (a device list: " + String.join(", ", names)
                + "), not a SMART report; for each device listed, " + WHAT_TO_SEND;
    }

    private static String typeSuffix(JsonNode device) {
        String type = device.path("type").asText("");
        return type.isEmpty() ? "" : " -d " + type;
    }

    private static String noDeviceMessage(JsonNode root) {
        List<String> errors = errorMessages(root);
        if (errors.isEmpty()) {
            return "not a smartctl device report: none of device, serial_number or SMART readings found; " + WHAT_TO_SEND;
        }
        return "smartctl reported an error and no device data: " + String.join("; ", errors) + smartctlOutcome(root)
                + "; fix that (smartctl usually needs root to open a device) and " + WHAT_TO_SEND;
    }

    /** e.g. {@code the document for /dev/sdc (serial X)} */
    static String describeDevice(JsonNode root) {
        String name = root.path("device").path("name").asText("");
        String serial = root.path("serial_number").asText("");
        StringBuilder sb = new StringBuilder("the document for ").append(name.isEmpty() ? "an unnamed device" : SmartctlReadings.shorten(name));
        if (!serial.isEmpty()) sb.append(" (serial ").append(SmartctlReadings.shorten(serial)).append(')');
        return sb.toString();
    }

    /** e.g. {@code , produced by `smartctl -jH /dev/sdc` (exit status 4: a SMART or ATA command to the disk failed)} */
    private static String smartctlOutcome(JsonNode root) {
        JsonNode smartctl = root.path("smartctl");
        StringBuilder sb = new StringBuilder();
        JsonNode argv = smartctl.path("argv");
        if (argv.isArray() && !argv.isEmpty()) {
            List<String> words = new ArrayList<>();
            argv.forEach(word -> words.add(word.asText()));
            sb.append(", produced by `").append(SmartctlReadings.shorten(String.join(" ", words))).append('`');
        }
        JsonNode status = smartctl.path("exit_status");
        if (status.isIntegralNumber() && status.asInt() != 0) {
            sb.append(" (exit status ").append(status.asInt()).append(exitStatusMeaning(status.asInt())).append(')');
        }
        return sb.toString();
    }

    /** The three low bits of smartctl's exit status say why it could not report (smartctl(8), RETURN VALUES). */
    private static String exitStatusMeaning(int status) {
        if ((status & 1) != 0) return ": the command line did not parse";
        if ((status & 2) != 0) return ": the device could not be opened";
        if ((status & 4) != 0) return ": a SMART or ATA command to the disk failed";
        return "";
    }

    private static List<String> errorMessages(JsonNode root) {
        List<String> errors = new ArrayList<>();
        for (JsonNode message : root.path("smartctl").path("messages")) {
            if ("error".equals(message.path("severity").asText())) errors.add(SmartctlReadings.shorten(message.path("string").asText(), 200));
        }
        return errors;
    }

    private static Optional<Rejection> unsupported(String detail) {
        return Optional.of(Rejection.whole(RejectReason.UNSUPPORTED, detail));
    }
}
