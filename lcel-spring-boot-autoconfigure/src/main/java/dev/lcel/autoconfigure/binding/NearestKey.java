package dev.lcel.autoconfigure.binding;

import java.util.Collection;

/**
 * The valid key closest to a mistyped one, by edit distance (insertions, deletions, substitutions
 * and swaps of neighbours), when it is close enough to be the likely intent.
 */
final class NearestKey {

	private NearestKey() {
	}

	/**
	 * Return the valid key nearest to the given one.
	 * @param key the key as written
	 * @param validKeys the keys valid at its place
	 * @return the nearest valid key, or {@code null} when none is within a third of the key's length
	 * (and at least two edits)
	 */
	static String of(String key, Collection<String> validKeys) {
		String written = PropertyNode.uniform(key);
		String nearest = null;
		int best = Math.max(2, written.length() / 3) + 1;
		for (String valid : validKeys) {
			int distance = distance(written, PropertyNode.uniform(valid));
			if (distance < best) {
				best = distance;
				nearest = valid;
			}
		}
		return nearest;
	}

	/** The optimal string alignment distance of two texts. */
	static int distance(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}

}
