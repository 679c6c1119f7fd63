package io.hallmark.provenance.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StoredIdsTest {
    @Test
    void keepsEachWellFormedIdOnce() {
        StoredIds ids = new StoredIds(0);
        ids.add("00000000000000ff");
        ids.add("00000000000000FF");
        ids.add("not an id");
        ids.add(null);
        ids.add("ffffffffffffffff");
        assertArrayEquals(new long[] {0xff, -1L}, ids.all());
    }

    @Test
    void isReadAgainOnceOlderThanItsMaximumAge() {
        StoredIds ids = new StoredIds(1_000);
        assertFalse(ids.stale(1_000 + StoredIds.MAX_AGE_MILLIS));
        assertTrue(ids.stale(1_001 + StoredIds.MAX_AGE_MILLIS));
    }
}
