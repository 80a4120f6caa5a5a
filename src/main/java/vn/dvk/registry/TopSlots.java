package vn.dvk.registry;

import java.util.Arrays;

/**
 * The best {@code k} slots seen, kept in a heap with the worst on top: a page of a list costs the matching slots and
 * log k per slot, never a sort of all of them. What "better" means is the caller's ({@link Ranking}).
 */
final class TopSlots {

	/** Whether slot {@code a} with {@code scoreA} ranks before slot {@code b} with {@code scoreB}. */
	@FunctionalInterface
	interface Ranking {

		boolean before(int a, int scoreA, int b, int scoreB);

	}

	private final int capacity;

	private final Ranking ranking;

	private int[] slot;

	private int[] score;

	private int size;

	TopSlots(int capacity, Ranking ranking) {
		this.capacity = capacity;
		this.ranking = ranking;
		int initial = Math.min(capacity, 1024);
		this.slot = new int[initial];
		this.score = new int[initial];
	}

	void offer(int s, int sc) {
		if (size < capacity) {
			if (size == slot.length) {
				int grown = Math.min(capacity, size * 2);
				slot = Arrays.copyOf(slot, grown);
				score = Arrays.copyOf(score, grown);
			}
			slot[size] = s;
			score[size] = sc;
			siftUp(size++);
		}
		else if (ranking.before(s, sc, slot[0], score[0])) {
			slot[0] = s;
			score[0] = sc;
			siftDown(0);
		}
	}

	/** Heap order: a parent ranks after its children (the worst is at the root). */
	private void siftUp(int i) {
		while (i > 0) {
			int parent = (i - 1) >>> 1;
			if (!ranking.before(slot[parent], score[parent], slot[i], score[i])) {
				return;
			}
			swap(i, parent);
			i = parent;
		}
	}

	private void siftDown(int i) {
		while (true) {
			int left = 2 * i + 1;
			if (left >= size) {
				return;
			}
			int worst = left;
			int right = left + 1;
			if (right < size && ranking.before(slot[left], score[left], slot[right], score[right])) {
				worst = right;
			}
			if (!ranking.before(slot[i], score[i], slot[worst], score[worst])) {
				return;
			}
			swap(i, worst);
			i = worst;
		}
	}

	private void swap(int a, int b) {
		int t = slot[a];
		slot[a] = slot[b];
		slot[b] = t;
		t = score[a];
		score[a] = score[b];
		score[b] = t;
	}

	/** The kept slots, best first (empties the heap). */
	int[] sorted() {
		int[] out = new int[size];
		for (int i = size - 1; i >= 0; i--) {
			out[i] = slot[0];
			size--;
			if (size > 0) {
				slot[0] = slot[size];
				score[0] = score[size];
				siftDown(0);
			}
		}
		return out;
	}

}
