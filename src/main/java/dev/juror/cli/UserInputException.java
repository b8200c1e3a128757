package dev.juror.cli;

/** Input the user can fix (a file, a flag, a value): reported in one line with exit code 2. */
public class UserInputException extends RuntimeException {
    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
