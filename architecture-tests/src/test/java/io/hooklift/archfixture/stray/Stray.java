package io.hooklift.archfixture.stray;

/** Breaks the module table: a class outside every module escapes all module rules. */
public final class Stray {}
