package canto.genre.data;

/**
 * Bad input in a data file, with where it is: the message reads
 * {@code FILE: line N: column 'NAME': what is wrong} (line and column when known).
 */
public final class DataFileException extends Exception {
    private final String file;
    private final long line;
    private final String column;

    public DataFileException(String file, long line, String column, String problem) {
        super(format(file, line, column, problem));
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** A problem with the file as a whole (unreadable, empty). */
    public DataFileException(String file, String problem) { this(file, 0, null, problem); }

    public String file() { return file; }
    /** 1-based line of the problem, 0 when it concerns the whole file. */
    public long line() { return line; }
    /** The column concerned, or null. */
    public String column() { return column; }

    private static String format(String file, long line, String column, String problem) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) sb.append(": line ").append(line);
        if (column != null) sb.append(": column '").append(column).append('\'');
        return sb.append(": ").append(problem).toString();
    }
}
