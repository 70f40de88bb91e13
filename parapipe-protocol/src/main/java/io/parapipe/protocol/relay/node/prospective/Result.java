package io.parapipe.protocol.relay.node.prospective;

import java.util.Objects;
import java.util.function.Function;

/**
 * A value or an error, as Rust's {@code Result}: protocol outcomes are values, never exceptions.
 *
 * @param <T> the success type
 * @param <E> the error type
 */
public sealed interface Result<T, E> permits Result.Ok, Result.Err {

  /** A success. */
  static <T, E> Result<T, E> ok(T value) {
    return new Ok<>(value);
  }

  /** A failure. */
  static <T, E> Result<T, E> err(E error) {
    return new Err<>(error);
  }

  /** True for {@link Ok}. */
  boolean isOk();

  /** True for {@link Err}. */
  default boolean isErr() {
    return !isOk();
  }

  /** The value of an {@link Ok}; throws {@link IllegalStateException} on an {@link Err}. */
  T value();

  /** The error of an {@link Err}; throws {@link IllegalStateException} on an {@link Ok}. */
  E error();

  /** Maps the value of an {@link Ok}, passing an {@link Err} through. */
  <U> Result<U, E> map(Function<? super T, ? extends U> f);

  /** Maps the error of an {@link Err}, passing an {@link Ok} through. */
  <F> Result<T, F> mapErr(Function<? super E, ? extends F> f);

  /**
   * A success.
   *
   * @param value the value
   */
  record Ok<T, E>(T value) implements Result<T, E> {
    /** Rejects null. */
    public Ok {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean isOk() {
      return true;
    }

    @Override
    public E error() {
      throw new IllegalStateException("not an error: " + value);
    }

    @Override
    public <U> Result<U, E> map(Function<? super T, ? extends U> f) {
      return new Ok<>(f.apply(value));
    }

    @Override
    public <F> Result<T, F> mapErr(Function<? super E, ? extends F> f) {
      return new Ok<>(value);
    }
  }

  /**
   * A failure.
   *
   * @param error the error
   */
  record Err<T, E>(E error) implements Result<T, E> {
    /** Rejects null. */
    public Err {
      Objects.requireNonNull(error, "error");
    }

    @Override
    public boolean isOk() {
      return false;
    }

    @Override
    public T value() {
      throw new IllegalStateException("an error: " + error);
    }

    @Override
    public <U> Result<U, E> map(Function<? super T, ? extends U> f) {
      return new Err<>(error);
    }

    @Override
    public <F> Result<T, F> mapErr(Function<? super E, ? extends F> f) {
      return new Err<>(f.apply(error));
    }
  }
}
