package io.action4j.plugins.video;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Python-style file name template with one integer field: {@code img_{:05d}.jpg} or {@code {}.png}. */
record FrameNameTemplate(String prefix, int width, String suffix) {

    private static final Pattern FIELD = Pattern.compile("\\{(?::(0?)(\\d*)d)?\\}");

    static FrameNameTemplate parse(String template) {
        Matcher matcher = FIELD.matcher(template);
        if (!matcher.find()) {
            throw new IllegalArgumentException("needs one integer field such as {:05d}, got '" + template + "'");
        }
        int start = matcher.start();
        int end = matcher.end();
        if (matcher.find()) {
            throw new IllegalArgumentException("has more than one field: '" + template + "'");
        }
        Matcher field = FIELD.matcher(template.substring(start, end));
        field.matches();
        boolean zeroPadded = "0".equals(field.group(1));
        String digits = field.group(2);
        int width = zeroPadded && digits != null && !digits.isEmpty() ? Integer.parseInt(digits) : 0;
        return new FrameNameTemplate(template.substring(0, start), width, template.substring(end));
    }

    String name(int number) {
        String digits = Integer.toString(number);
        return prefix + "0".repeat(Math.max(0, width - digits.length())) + digits + suffix;
    }
}
