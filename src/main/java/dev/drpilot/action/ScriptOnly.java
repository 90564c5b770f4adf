package dev.drpilot.action;

/**
 * An action that plays a rehearsal's script: it calls nothing and opens no connection. A tabletop
 * rehearsal runs on an engine whose every action is one of these.
 */
public interface ScriptOnly extends Action {}
