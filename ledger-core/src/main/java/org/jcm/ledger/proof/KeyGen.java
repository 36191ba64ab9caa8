package org.jcm.ledger.proof;

/**
 * Makes a new key for the transparency log or a witness, for operators:
 * {@code java -cp ledger-core.jar org.jcm.ledger.proof.KeyGen <name> log|witness}. The signer key
 * string goes to standard output (put it into a Secret, nowhere else), the verifier key string to
 * standard error (publish it; verifiers pin it).
 */
public final class KeyGen {

    private KeyGen() {
    }

    public static void main(String[] args) {
        if (args.length != 2 || !(args[1].equals("log") || args[1].equals("witness")) || !NoteKeys.isValidName(args[0])) {
            System.err.println("usage: KeyGen <name, e.g. registry.example.org/ledger> log|witness");
            System.exit(2);
        }
        NoteKeys.KeyStrings key = NoteKeys.generate(args[0], args[1].equals("log") ? NoteKeys.ED25519
                : NoteKeys.COSIGNATURE_V1);
        System.out.println(key.signerKey());
        System.err.println("verifier key: " + key.verifierKey());
    }
}
