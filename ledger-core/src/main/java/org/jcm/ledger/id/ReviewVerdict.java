package org.jcm.ledger.id;

/**
 * A reviewer's verdict on a project-cycle step: accept it (confirm, validate, register, verify,
 * decide), return it to the applicant for revision (with reasons), or reject it (with reasons; the
 * application or cycle ends).
 */
public enum ReviewVerdict {
    ACCEPT,
    RETURN,
    REJECT
}
