package dev.drpilot.incident;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Why a file could not be read or written, in the words an operator reads (never an exception's name). */
public final class FileErrors {

    private FileErrors() {}

    public static String inWords(IOException e) {
        return switch (e) {
            case AccessDeniedException _ -> "permission denied";
            case NoSuchFileException _ -> "no such file or folder";
            case FileAlreadyExistsException _ -> "a file of that name is in the way";
            case FileSystemException other when other.getReason() != null -> other.getReason();
            default -> e.getMessage() == null ? "the system refused" : e.getMessage();
        };
    }
}
