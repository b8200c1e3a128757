package dev.juror.app.settings;

/** The workbench colour scheme. */
public enum Theme {
    LIGHT, DARK
}
