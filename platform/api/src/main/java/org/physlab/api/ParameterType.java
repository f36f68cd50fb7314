package org.physlab.api;

/** The value types a parameter can have, and the Java type {@link Parameters} returns for each. */
public enum ParameterType {
    /** {@code long}-range integer, returned as {@code Integer} or {@code Long} via {@link Parameters#getInt}/{@link Parameters#getLong}. */
    INT,
    /** finite double; NaN and infinities are rejected. */
    DOUBLE,
    BOOLEAN,
    /** one of a fixed list of choices, returned as a string. */
    ENUM,
    STRING,
    /** a list of finite doubles, written {@code 1,2.5,3} or {@code [1, 2.5, 3]}. */
    DOUBLE_LIST,
    /** a list of integers, written {@code 100,100} or {@code [100, 100]}. */
    INT_LIST
}
