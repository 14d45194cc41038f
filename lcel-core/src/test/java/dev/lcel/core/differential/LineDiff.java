package dev.lcel.core.differential;

import java.util.ArrayList;
import java.util.List;

/**
 * A compact line diff (longest common subsequence) of the reference's lines against lcel's:
 * {@code - } a line only the reference has, {@code + } a line only lcel has, and runs of equal lines
 * shortened to their count.
 */
final class LineDiff {

	private static final int CONTEXT = 1;

	private LineDiff() {
	}

	static List<String> of(List<String> expected, List<String> actual) {
		int n = expected.size();
		int m = actual.size();
		int[][] common = new int[n + 1][m + 1];
		for (int i = n - 1; i >= 0; i--) {
			for (int j = m - 1; j >= 0; j--) {
				common[i][j] = expected.get(i).equals(actual.get(j)) ? common[i + 1][j + 1] + 1
						: Math.max(common[i + 1][j], common[i][j + 1]);
			}
		}
		List<String> marked = new ArrayList<>();
		int i = 0;
		int j = 0;
		while (i < n || j < m) {
			if (i < n && j < m && expected.get(i).equals(actual.get(j))) {
				marked.add("  " + expected.get(i++));
				j++;
			}
			else if (j < m && (i == n || common[i][j + 1] >= common[i + 1][j])) {
				marked.add("+ " + actual.get(j++));
			}
			else {
				marked.add("- " + expected.get(i++));
			}
		}
		return shorten(marked);
	}

	private static List<String> shorten(List<String> marked) {
		List<String> lines = new ArrayList<>();
		int k = 0;
		while (k < marked.size()) {
			if (!marked.get(k).startsWith("  ")) {
				lines.add(marked.get(k++));
				continue;
			}
			int end = k;
			while (end < marked.size() && marked.get(end).startsWith("  ")) {
				end++;
			}
			int keepBefore = (k == 0) ? 0 : CONTEXT;
			int keepAfter = (end == marked.size()) ? 0 : CONTEXT;
			if (end - k <= keepBefore + keepAfter + 1) {
				lines.addAll(marked.subList(k, end));
			}
			else {
				lines.addAll(marked.subList(k, k + keepBefore));
				lines.add("  … " + (end - k - keepBefore - keepAfter) + " equal lines");
				lines.addAll(marked.subList(end - keepAfter, end));
			}
			k = end;
		}
		return lines;
	}

}
