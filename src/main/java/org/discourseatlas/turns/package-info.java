/**
 * Speaker turns, no Spark: speaker labels ("MR. LAVROV:", "Question:") and the role of each turn
 * (question, answer, statement, moderator).
 */
package org.discourseatlas.turns;
