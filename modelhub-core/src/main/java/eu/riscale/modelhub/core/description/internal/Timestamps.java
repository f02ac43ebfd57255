package eu.riscale.modelhub.core.description.internal;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a timestamp as the reference does: what a YAML 1.1 loader resolves to a date-time (an unquoted
 * {@code 2019-12-11 11:22:32.5 +2}), else dateutil's {@code isoparse} grammar. That grammar is: a date
 * ({@code YYYY}, {@code YYYY-MM}, {@code YYYY-MM-DD}, {@code YYYYMMDD}, the ISO week date {@code YYYY-Www[-D]} /
 * {@code YYYYWww[D]} or the ordinal date {@code YYYY-DDD} / {@code YYYYDDD}); then optionally any one character and a
 * time ({@code HH}, {@code HH:MM}, {@code HHMM}, {@code HH:MM:SS}, {@code HHMMSS}, seconds with a fraction after
 * {@code .} or {@code ,}, truncated to microseconds; {@code 24:00} is the next midnight) and an offset ({@code Z},
 * {@code ±HH}, {@code ±HHMM}, {@code ±HH:MM}). A date-time without an offset is taken as UTC (the reference takes the
 * machine's local time; a validator must not depend on where it runs).
 */
final class Timestamps {
    /** ruamel.yaml's implicit timestamp pattern (YAML 1.1), the form a plain scalar takes before isoparse sees it. */
    private static final Pattern YAML_TIMESTAMP = Pattern.compile(
            "([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[Tt]|[ \\t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\\.([0-9]*))?"
                    + "(?:[ \\t]*(Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?");

    private Timestamps() {}

    /**
     * Parses a timestamp.
     *
     * @param s the text
     * @return the date-time with its offset (UTC when none is given), or {@code null} when the text is not one
     */
    static @Nullable OffsetDateTime parse(String s) {
        Matcher m = YAML_TIMESTAMP.matcher(s);
        if (m.matches()) {
            try {
                return fromYaml(m);
            } catch (DateTimeException | IllegalArgumentException e) {
                // not a YAML date-time (24:00:00, for one); a quoted text still goes to isoparse
            }
        }
        try {
            return new IsoParser(s).parse();
        } catch (DateTimeException | IllegalArgumentException e) {
            return null;
        }
    }

    private static OffsetDateTime fromYaml(Matcher m) {
        LocalDate date = LocalDate.of(IsoParser.year(num(m.group(1))), num(m.group(2)), num(m.group(3)));
        LocalTime time = LocalTime.of(num(m.group(4)), num(m.group(5)), num(m.group(6)), nanos(m.group(7)));
        String tz = m.group(8);
        ZoneOffset offset = ZoneOffset.UTC;
        if (tz != null && !tz.equals("Z")) {
            int colon = tz.indexOf(':');
            int hours = num(colon < 0 ? tz.substring(1) : tz.substring(1, colon));
            int minutes = colon < 0 ? 0 : num(tz.substring(colon + 1));
            offset = offset(tz.charAt(0) == '-', hours, minutes);
        }
        return LocalDateTime.of(date, time).atOffset(offset);
    }

    /** Nanoseconds of a fraction of a second, truncated to microseconds as Python's datetime does. */
    private static int nanos(@Nullable String digits) {
        if (digits == null || digits.isEmpty()) {
            return 0;
        }
        String us = digits.length() > 6 ? digits.substring(0, 6) : digits;
        return num(us) * (int) Math.pow(10, 9 - us.length());
    }

    private static ZoneOffset offset(boolean negative, int hours, int minutes) {
        if (hours > 23 || minutes > 59) {
            throw new IllegalArgumentException("offset out of range");
        }
        int seconds = (hours * 60 + minutes) * 60;
        return ZoneOffset.ofTotalSeconds(negative ? -seconds : seconds);
    }

    /** A run of ASCII digits (Integer.parseInt also takes signs and other scripts' digits). */
    private static int num(String digits) {
        if (digits.isEmpty() || digits.length() > 9) {
            throw new IllegalArgumentException("expected digits");
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("expected digits");
            }
        }
        return Integer.parseInt(digits);
    }

    /** dateutil's {@code isoparser} with its default (any) date-time separator. */
    private static final class IsoParser {
        private final String s;
        private int pos;

        IsoParser(String s) {
            this.s = s;
        }

        OffsetDateTime parse() {
            LocalDate date;
            try {
                date = commonDate();
            } catch (DateTimeException | IllegalArgumentException e) {
                pos = 0;
                date = uncommonDate();
            }
            if (pos == s.length()) {
                return date.atStartOfDay().atOffset(ZoneOffset.UTC);
            }
            pos++; // any single character separates date and time
            return time(date);
        }

        private String take(int n) {
            if (pos + n > s.length()) {
                throw new IllegalArgumentException("too short");
            }
            String t = s.substring(pos, pos + n);
            pos += n;
            return t;
        }

        private boolean at(char c) {
            return pos < s.length() && s.charAt(pos) == c;
        }

        private LocalDate commonDate() {
            int year = num(take(4));
            if (pos == s.length()) {
                return LocalDate.of(year(year), 1, 1);
            }
            boolean sep = at('-');
            if (sep) {
                pos++;
            }
            int month = num(take(2));
            if (pos == s.length()) {
                if (!sep) {
                    throw new IllegalArgumentException("YYYYMM is not an ISO date");
                }
                return LocalDate.of(year(year), month, 1);
            }
            if (sep) {
                if (!at('-')) {
                    throw new IllegalArgumentException("invalid date separator");
                }
                pos++;
            }
            return LocalDate.of(year(year), month, num(take(2)));
        }

        private LocalDate uncommonDate() {
            int year = year(num(take(4)));
            boolean sep = at('-');
            if (sep) {
                pos++;
            }
            if (at('W')) {
                pos++;
                int week = num(take(2));
                int day = 1;
                if (pos < s.length()) {
                    if (at('-') != sep) {
                        throw new IllegalArgumentException("inconsistent date separators");
                    }
                    if (sep) {
                        pos++;
                    }
                    day = num(take(1));
                }
                if (week < 1 || week > 53 || day < 1 || day > 7) {
                    throw new IllegalArgumentException("invalid week date");
                }
                LocalDate week1Monday =
                        LocalDate.of(year, 1, 4).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                return week1Monday.plusDays((week - 1) * 7L + day - 1);
            }
            int ordinal = num(take(3));
            return LocalDate.ofYearDay(year, ordinal);
        }

        private OffsetDateTime time(LocalDate date) {
            if (s.length() - pos < 2) {
                throw new IllegalArgumentException("time too short");
            }
            int[] hms = new int[3];
            int nanos = 0;
            ZoneOffset offset = ZoneOffset.UTC;
            boolean colons = false;
            for (int comp = 0; pos < s.length() && comp < 6; comp++) {
                char c = s.charAt(pos);
                if (c == '-' || c == '+' || c == 'Z' || c == 'z') {
                    offset = offset(s.substring(pos));
                    pos = s.length();
                    break;
                }
                if (comp == 1 && c == ':') {
                    colons = true;
                    pos++;
                } else if (comp == 2 && colons) {
                    if (c != ':') {
                        throw new IllegalArgumentException("inconsistent use of ':'");
                    }
                    pos++;
                }
                if (comp < 3) {
                    hms[comp] = num(take(2));
                } else if (comp == 3 && (c == '.' || c == ',')) {
                    int start = ++pos;
                    while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                        pos++;
                    }
                    if (pos == start) {
                        throw new IllegalArgumentException("empty fraction");
                    }
                    nanos = nanos(s.substring(start, pos));
                }
            }
            if (pos < s.length()) {
                throw new IllegalArgumentException("unused characters");
            }
            if (hms[0] == 24) {
                if (hms[1] != 0 || hms[2] != 0 || nanos != 0) {
                    throw new IllegalArgumentException("hour 24 only as 24:00:00");
                }
                return date.plusDays(1).atStartOfDay().atOffset(offset);
            }
            return LocalDateTime.of(date, LocalTime.of(hms[0], hms[1], hms[2], nanos))
                    .atOffset(offset);
        }

        private static ZoneOffset offset(String tz) {
            if (tz.equals("Z") || tz.equals("z")) {
                return ZoneOffset.UTC;
            }
            if (tz.length() != 3 && tz.length() != 5 && tz.length() != 6) {
                throw new IllegalArgumentException("offset must be Z, ±HH, ±HHMM or ±HH:MM");
            }
            int hours = num(tz.substring(1, 3));
            int minutes = tz.length() == 3 ? 0 : num(tz.substring(tz.charAt(3) == ':' ? 4 : 3));
            if (tz.length() == 6 && tz.charAt(3) != ':') {
                throw new IllegalArgumentException("offset must be Z, ±HH, ±HHMM or ±HH:MM");
            }
            return Timestamps.offset(tz.charAt(0) == '-', hours, minutes);
        }

        /** Python's datetime has no year 0. */
        private static int year(int year) {
            if (year < 1) {
                throw new IllegalArgumentException("year 0");
            }
            return year;
        }
    }
}
