package dev.lcel.autoconfigure.web;

/**
 * The request body could not be read because the client reset or closed the connection, or
 * stalled past the read timeout: the client's doing, so it is logged at DEBUG without a stack
 * trace, and no answer is written (no one is there to read it).
 */
public class RequestBodyAbortedException extends RuntimeException {

	RequestBodyAbortedException(Throwable cause) {
		super("The request body was not received whole: " + cause, cause, false, false);
	}

}
