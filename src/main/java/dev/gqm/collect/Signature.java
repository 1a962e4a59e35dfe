package dev.gqm.collect;

/** A name and e-mail as written in a commit, before any identity merging. */
public record Signature(String name, String email) {
    public Signature {
        name = name == null ? "" : name;
        email = email == null ? "" : email;
    }
}
