package org.physlab.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ContentDispositionTest {

    @Test
    void plainNamesAreKeptAndOthersGetAnEncodedForm() {
        assertEquals("attachment; filename=\"model.zip\"; filename*=UTF-8''model.zip",
                ContentDisposition.attachment("model.zip"));
        assertEquals("attachment; filename=\"__.obj\"; filename*=UTF-8''%CF%89%22.obj",
                ContentDisposition.attachment("ω\".obj"));
    }
}
